/**
 * "The same project under two Articles, can we get both?" is about how support combines (Article
 * 16), however strongly the two items it names pull the search toward their own Articles.
 */
const SAME_PROJECT = /同一个?项目|同一事项|同个项目|一个项目|\b(same|one|single) (project|matter)\b/;
const BOTH = /两个都|都拿|都能|都可以|同时|两项|两条|两个条款|叠加|重复|\b(both|two|twice|either|several|multiple|stack|double)\b/;

/** Expects the normalized question (lower case, half-width). */
export function isCombiningQuestion(normalizedQuestion: string): boolean {
  return SAME_PROJECT.test(normalizedQuestion) && BOTH.test(normalizedQuestion);
}
