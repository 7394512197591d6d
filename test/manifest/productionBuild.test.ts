/**
 * The production build's guards: no Store package on the placeholder host or without a support
 * contact, unless ALLOW_PLACEHOLDER_HOST=1 says it is a test or demo build.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionUrl, PLACEHOLDER_URL } = require("../../scripts/manifest-url");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { supportContact } = require("../../scripts/support-contact");

describe("the production host", () => {
  it("refuses a build without ADDIN_URL, and the placeholder host, unless told explicitly", () => {
    expect(() => productionUrl({})).toThrow(/ADDIN_URL is not set.*ALLOW_PLACEHOLDER_HOST=1/);
    expect(() => productionUrl({ ADDIN_URL: "https://sop-planner.example.com/x/" })).toThrow(/placeholder host/);
    expect(productionUrl({ ALLOW_PLACEHOLDER_HOST: "1" })).toBe(PLACEHOLDER_URL);
    expect(productionUrl({ ADDIN_URL: PLACEHOLDER_URL, ALLOW_PLACEHOLDER_HOST: "1" })).toBe(PLACEHOLDER_URL);
  });

  it("takes a real https host, with a trailing slash added", () => {
    expect(productionUrl({ ADDIN_URL: "https://planner.contoso.com/sop" })).toBe("https://planner.contoso.com/sop/");
    expect(() => productionUrl({ ADDIN_URL: "http://planner.contoso.com/" })).toThrow(/https/);
  });
});

describe("the help page's support contact", () => {
  it("prints SUPPORT_URL and SUPPORT_EMAIL as links, escaped", () => {
    expect(
      supportContact({ SUPPORT_URL: "https://contoso.com/help?a=1&b=2", SUPPORT_EMAIL: "sop@contoso.com" }).html,
    ).toBe(
      '<a href="https://contoso.com/help?a=1&amp;b=2">https://contoso.com/help?a=1&amp;b=2</a> or <a href="mailto:sop@contoso.com">sop@contoso.com</a>',
    );
  });

  it("refuses a production build without a contact unless it is a test build, and bad values always", () => {
    expect(() => supportContact({}, { production: true })).toThrow(/No support contact/);
    expect(supportContact({ ALLOW_PLACEHOLDER_HOST: "1" }, { production: true }).configured).toBe(false);
    expect(supportContact({}, { production: false }).configured).toBe(false);
    expect(() => supportContact({ SUPPORT_URL: "javascript:alert(1)" })).toThrow(/https/);
    expect(() => supportContact({ SUPPORT_EMAIL: "not an address" })).toThrow(/e-mail/);
  });
});
