/**
 * "What documents do we need for the computing voucher?" asks for the item's list of documents
 * (rules/items), not for the Article's text. A question about false or inaccurate materials is
 * about Article 17 and is not one.
 */
const DOCUMENT_WORD = /材料|资料|文件|证明|手续|附件|凭证|证件|\b(?:documents?|documentation|paperwork|materials?|evidence|proofs?|attachments?|papers|certificates?)\b/;
const ASKING_FOR_THEM = /准备|提交|提供|需要|要|带|交|哪些|什么|清单|上传|递交|\b(?:need|needed|prepare|submit|provide|required?|bring|upload|which|what|list)\b/;
const ABOUT_TRUTH = /真实|造假|虚假|不实|假的|伪造|\b(?:false|fake|forged?|inaccurate|accura\w*|authentic\w*|fraud\w*|lie|lying)\b/;
const DOCUMENT_WORDS = new RegExp(`${DOCUMENT_WORD.source}|准备|提交|提供|需要|清单|上传|递交|\\b(?:need|prepare|submit|provide|required?|bring|upload)\\b`, "g");

/** Expects the normalized question (lower case, half-width). */
export function isDocumentsQuestion(normalizedQuestion: string): boolean {
  return DOCUMENT_WORD.test(normalizedQuestion) && ASKING_FOR_THEM.test(normalizedQuestion) && !ABOUT_TRUTH.test(normalizedQuestion);
}

/** "申请算力券要准备什么材料" → "申请算力券要 什么": what is left names the item, if anything. */
export function withoutDocumentWords(normalizedQuestion: string): string {
  return normalizedQuestion.replace(DOCUMENT_WORDS, " ");
}
