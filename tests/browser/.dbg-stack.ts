import { startStack } from '../support/stack.ts';

const stack = await startStack({ logLevel: 'warn' });
console.log(JSON.stringify({ appUrl: stack.appUrl, dt: stack.devtenant.url, spki: stack.devtenant.spkiHash }));
process.on('SIGTERM', async () => {
  await stack.stop();
  process.exit(0);
});
