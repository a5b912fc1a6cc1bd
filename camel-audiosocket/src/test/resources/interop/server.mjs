// A small AudioSocket server built on the npm package asterisk-audiosocket, for NodeInteropTest: it echoes each call's
// audio (paced by the library), hangs up a call whose UUID starts with 00000000 after its 10th frame, and prints
// everything it sees as one JSON object per line.
import { AudioSocketServer } from 'asterisk-audiosocket';

const port = Number(process.argv[2]);
const server = new AudioSocketServer({ host: '127.0.0.1', port });
const log = (entry) => process.stdout.write(JSON.stringify(entry) + '\n');

server.on('connection', (call) => {
  let frames = 0;
  call.on('id', (uuid) => log({ event: 'id', uuid }));
  call.on('audio', (pcm) => {
    frames++;
    log({ event: 'audio', uuid: call.uuid, bytes: pcm.length });
    if (call.uuid.startsWith('00000000')) {
      if (frames === 10) {
        call.hangup();
      }
      return;
    }
    call.play(pcm);
  });
  call.on('error', (err) => log({ event: 'error', uuid: call.uuid, message: err.message }));
  call.on('hangup', () => log({ event: 'hangup', uuid: call.uuid, frames }));
});

await server.listen();
log({ event: 'listening', port: server.address.port });
