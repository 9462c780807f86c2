/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The binary embeds dist/ (frontend/embed.go); hashed files under assets/ are cached for a year.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What every screen loads in one file beside the entry (the bundler's default splits the
        // modules the lazy screens share with it into a handful of small files, each one more
        // request in the first load); the screens opened on demand stay their own chunks.
        codeSplitting: {
          groups: [{ name: 'core', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack|@dnd-kit)[\\/]|src[\\/](api|ui|auth|app)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/u': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // A ceiling, not a target: on a loaded 2-core CI machine typing through user-event is slow.
    testTimeout: 20_000,
  },
})
