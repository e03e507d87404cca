import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The LIFF mini-app. `vite` (dev) and `vite preview` take `--port`; `strictPort` makes a taken port
 * an error instead of a silent move, so the caller's URL stays right.
 */
export default defineConfig({
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: { strictPort: true, host: '127.0.0.1' },
  preview: { strictPort: true, host: '127.0.0.1' },
});
