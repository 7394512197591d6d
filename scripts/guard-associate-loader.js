/**
 * Webpack loader (runs last on src/functions/functions.ts): custom-functions-metadata-plugin
 * appends `CustomFunctions.associate(...)` calls, which throw in a plain browser where Office.js
 * (and so `CustomFunctions`) is absent — the browser demo loads the same page as Excel. Guard
 * them: inside Excel the calls run exactly as before.
 */
module.exports = function guardAssociate(source) {
  return source.replace(
    /(^|[^.\w])CustomFunctions\.associate\(/g,
    '$1typeof CustomFunctions !== "undefined" && CustomFunctions.associate(',
  );
};
