/**
 * The web app's build (docs/adr/0018-web-app.md): Preact through Vite's own JSX transform, no
 * plugin; the output in `dist/`, which the local runtime serves at `/` and the CDK app puts in S3
 * behind CloudFront. ECharts is split off and loaded only by the views that draw a chart.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The first load stays small (measured by `npm run bench`); ECharts and exceljs are chunks of their own, loaded on use.
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/_local': 'http://localhost:3000', '/config.json': 'http://localhost:3000' } },
});
