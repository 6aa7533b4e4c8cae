/**
 * Text a spreadsheet program could run as a formula (OWASP's CSV injection list) gets a leading
 * apostrophe; a negative number written as text stays as it is.
 */
export function defuse(text: string): string {
  if (/^[=+@\t\r]/.test(text)) return `'${text}`;
  if (text.startsWith("-") && !/^-\d+(?:\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}
