#!/usr/bin/env node
/**
 * A static server for dist/ on 127.0.0.1: the browser tests and "try it in a browser" use it.
 * Plain http, no dependencies; serves only files under dist/.
 *
 *   node scripts/serve-dist.js [port]     # default 8080; prints the pane's URL
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Starts the server; resolves with its base URL and a close function. Port 0 picks a free one. */
function serveDist({ root = path.resolve(__dirname, "..", "dist"), port = 0, host = "127.0.0.1" } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const file = path.resolve(base, "." + (urlPath === "/" ? "/taskpane.html" : urlPath));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("Not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

module.exports = { serveDist };

if (require.main === module) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  if (!fs.existsSync(path.resolve(__dirname, "..", "dist", "taskpane.html"))) {
    console.error("dist/ has no taskpane.html: run `npm run build` first.");
    process.exit(1);
  }
  serveDist({ port }).then(({ url }) => console.log(`S&OP Planner demo: ${url}/taskpane.html  (Ctrl+C to stop)`));
}
