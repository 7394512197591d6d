/**
 * Builds the add-in into dist/: taskpane.html (the pane and, in the shared runtime, the custom
 * functions), functions.js, functions.json (generated from the JSDoc in src/functions/functions.ts),
 * help.html, the icons and manifest.xml (URLs rewritten to ADDIN_URL in production).
 *
 * A production build refuses the placeholder host and a missing support contact
 * (SUPPORT_URL / SUPPORT_EMAIL) unless ALLOW_PLACEHOLDER_HOST=1 (scripts/manifest-url.js).
 *
 * `npm run build` needs no certificates. The dev server (npm run dev-server) serves https on
 * port 3000 with the Office development certificates when they are installed
 * (`npx office-addin-dev-certs install` puts them in ~/.office-addin-dev-certs), and otherwise
 * with a self-signed certificate of webpack-dev-server's own, which Excel will not trust.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");
const { productionUrl, toProduction } = require("./scripts/manifest-url");
const { supportContact } = require("./scripts/support-contact");

const DEV_PORT = Number(process.env.PORT || 3000);

function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return {
      type: "https",
      options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])),
    };
  }
  console.warn(
    "Office development certificates not found in ~/.office-addin-dev-certs; serving https with a self-signed certificate.\n" +
      "Excel will not trust it: run `npx office-addin-dev-certs install` once to sideload into Excel.",
  );
  return "https";
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  // Refused before anything is built: the placeholder host or no support contact in a production
  // build (ALLOW_PLACEHOLDER_HOST=1 allows both for test and demo builds).
  const addinUrl = production ? productionUrl() : undefined;
  const support = supportContact(process.env, { production });
  return {
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // HiGHS's Emscripten loader mentions Node modules it only uses under Node.
      fallback: {
        fs: false,
        path: false,
        crypto: false,
        child_process: false,
        worker_threads: false,
        url: false,
        perf_hooks: false,
        module: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: !production } },
          },
        },
        // After the metadata plugin's loader and ts-loader: associate only where Office.js is there.
        {
          test: /src[\\/]functions[\\/]functions\.ts$/,
          enforce: "post",
          use: path.resolve(__dirname, "scripts/guard-associate-loader.js"),
        },
        { test: /\.wasm$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    performance: { hints: false },
    // Readable chunk names (charts, highs, …) so bench/pane's table says what loads when.
    optimization: { chunkIds: "named" },
    plugins: [
      // highs.mjs imports "node:module" (and node:fs…) only when it runs under Node: strip the
      // scheme so the fallbacks above apply and the browser bundle builds.
      new NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      // The manifest's SupportUrl and LearnMoreUrl: what the add-in does, reads and writes, privacy, support.
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        inject: false,
        chunks: [],
        templateParameters: { supportHtml: support.html },
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // "Insert template" in Excel inserts this workbook's sheets (src/taskpane/host/insertTemplate.ts).
          { from: "assets/sample-workbook.xlsx", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? toProduction(content.toString(), addinUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE && process.env.SOP_HTTP !== "1" ? httpsOptions() : "http",
      port: DEV_PORT,
      client: { overlay: false },
    },
  };
};
