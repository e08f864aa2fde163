#!/usr/bin/env node
// The command line runs the compiled build in dist/ (`npm run build`), so it starts without compiling
// TypeScript. Development runs the sources instead (`npm run dev`, tsx).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/planwatch.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'planwatch chưa được biên dịch: chưa có dist/planwatch.js. Hãy chạy "npm run build" (hoặc "npm run build:server") trong thư mục planwatch rồi thử lại.\n',
  );
  process.exit(1);
}
await import(entry.href);
