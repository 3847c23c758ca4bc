// Dump COMMAND DOCS / COMMAND INFO from a live redis-server (RESP3, typed) to JSON.
import net from 'node:net';
const port = Number(process.argv[2]);
const cmds = process.argv[3].split(',');
function enc(argv){return `*${argv.length}\r\n`+argv.map(a=>`$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');}
function parse(buf, i){
  const t = buf[i]; let e = buf.indexOf('\r\n', i); const line = buf.slice(i+1, e); i = e+2;
  switch(t){
    case '+': return [{t:'status',v:line}, i];
    case '-': return [{t:'error',v:line}, i];
    case ':': return [{t:'int',v:Number(line)}, i];
    case '$': { const n=Number(line); if(n<0) return [{t:'null'},i]; return [{t:'bulk',v:buf.slice(i,i+n)}, i+n+2]; }
    case '_': return [{t:'null'}, i];
    case '*': case '~': case '>': { const n=Number(line); const v=[]; for(let k=0;k<n;k++){ const [x,j]=parse(buf,i); v.push(x); i=j;} return [{t: t==='~'?'set':'array', v}, i]; }
    case '%': { const n=Number(line); const v=[]; for(let k=0;k<n;k++){ const [a,j]=parse(buf,i); const [b,j2]=parse(buf,j); v.push([a,b]); i=j2;} return [{t:'map',v}, i]; }
    default: throw new Error('type '+t);
  }
}
const sock = net.connect(port, '127.0.0.1');
let data = '';
const queue = [['HELLO','3'], ['COMMAND','DOCS',...cmds], ['COMMAND','INFO',...cmds]];
sock.setEncoding('latin1');
sock.write(queue.map(enc).join(''));
sock.on('data', d => { data += d; try { let i=0; const out=[]; for(let k=0;k<3;k++){ const [r,j]=parse(data,i); out.push(r); i=j; } if(i===data.length){ process.stdout.write(JSON.stringify({docs:out[1], info:out[2]})); sock.end(); } } catch(e){ if(!(e instanceof RangeError) && !String(e).includes('type undefined')) {} } });
