/** A message with its `{name}` placeholders filled; a placeholder without a value stays as written, so a missing one shows. */
export function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The BCP 47 tag for a page's `lang` attribute: Chinese in mainland China's simplified script. */
export const htmlLang = (lang: "zh" | "en"): string => (lang === "zh" ? "zh-CN" : "en");
