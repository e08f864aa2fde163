#!/usr/bin/env node
// Development: the API restarts on every server change (tsx watch) and Vite serves the client with
// hot reload on http://localhost:5173, proxying /api to the API on port 3000.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/cli/main.ts', 'demo'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
console.log('planwatch (phát triển): mở http://localhost:5173');

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
