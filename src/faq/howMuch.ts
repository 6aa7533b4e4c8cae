/**
 * "How much can we get?" asks for an amount for the asker's own case, which only the screening
 * interview can estimate. A question about a published cap ("what is the annual cap for model
 * vouchers?") is not one: it names no asker who would receive the money.
 */
const HOW_MUCH_PATTERNS: readonly RegExp[] = [
  /\bhow much\b.*\b(we|i|us|our|my|me)\b/,
  /\b(we|i|us|our|my)\b.*\bhow much\b/,
  /\bwhat (amount|sum|total)\b.*\b(we|i|our|my)\b/,
  /(我们|我司|我公司|本公司|咱们|咱|我).*(拿|领|申请|获得|得到|享受|补|报)(到)?多少/,
  /(能|可以|可|能够)(拿|领|申请|获得|得到|享受)(到)?多少/,
  /(我们|我司|我公司|本公司|咱们|咱|我).*多少钱/,
];

/** The words that ask for the amount; what is left says what the amount would be for. */
const AMOUNT_WORDS =
  /(能|可以|可|能够|最多|一共|总共)?(拿|领|申请|获得|得到|享受|补|报)(到)?多少(钱)?|多少钱|\bhow much( money| support| funding| subsidy| subsidies)?\b|\b(get|receive|claim)\b/g;

/** Expects the normalized question (lower case, half-width). */
export function isHowMuchQuestion(normalizedQuestion: string): boolean {
  return HOW_MUCH_PATTERNS.some((pattern) => pattern.test(normalizedQuestion));
}

/** "我们做模型券能拿多少钱" → "我们做模型券": the topic to name Articles for, if any. */
export function withoutAmountWords(normalizedQuestion: string): string {
  return normalizedQuestion.replace(AMOUNT_WORDS, " ");
}
