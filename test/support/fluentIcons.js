/**
 * Jest only (moduleNameMapper in jest.base.config.js): `@fluentui/react-icons` without loading
 * its 150 MB index of icon chunks into every test file that renders Fluent UI, which cost several
 * seconds per file. Each icon comes from its own module (`@fluentui/react-icons/svg/<name>`: the
 * same icon the index exports), on first use; utilities and providers come from their subpath
 * exports. The production build imports the real index (webpack keeps only the icons used).
 */
const utils = require("@fluentui/react-icons/utils");
const providers = require("@fluentui/react-icons/providers");

const known = { ...utils, ...providers };

/** "ChevronDown16Regular" → "chevron-down", the module holding every size and style of it. */
function moduleOf(icon) {
  const stem = icon.replace(/\d*(Regular|Filled|Light|Color)$/, "");
  return stem.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

module.exports = new Proxy(known, {
  get(target, name) {
    if (typeof name !== "string" || name in target || !/^[A-Z]/.test(name)) return target[name];
    const icon = require(`@fluentui/react-icons/svg/${moduleOf(name)}`)[name];
    if (icon === undefined) throw new Error(`test/support/fluentIcons.js: no icon ${name}`);
    target[name] = icon;
    return icon;
  },
});
