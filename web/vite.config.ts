import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { trackingScript } from "./tracking/vite-plugin.ts";

// `vite build --mode emulator` reads .env.emulator; a plain build reads .env.production(.local).
// Hosting serves dist/ (firebase.json "public": "web/dist") with an SPA rewrite to index.html.
// The dashboard and owner routes are React.lazy chunks; Firestore (the largest SDK) lives only there.
export default defineConfig({
  plugins: [react(), trackingScript()],
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // React DOM plus Firebase Auth put the entry at ~135 kB gzip; warn only when a chunk is out of line.
    chunkSizeWarningLimit: 500,
  },
  // 5000/5001 belong to the Hosting/Functions emulators.
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
