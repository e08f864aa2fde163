import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Splits the big, rarely changing libraries into their own files so a redeploy of our code keeps them cached. */
function chunkFor(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  // Only the React core goes to "react": it imports nothing else, so no chunk cycles appear.
  if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
  if (/node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/.test(id)) return 'antd';
  // Charts are loaded only by the pages that draw them.
  if (/node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
  return 'vendor';
}

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: { manualChunks: chunkFor },
      // zod's sources carry comments Rollup cannot place; harmless, and the noise hides real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
