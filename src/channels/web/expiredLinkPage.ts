/** What a report link shows once it has expired (or the server has restarted since): how to get a new one, in both languages. */
export function expiredLinkPage(): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>报告链接已过期 · Report link expired</title></head>',
    '<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.6">',
    "<h1>报告链接已过期</h1><p>请返回对话页面，再点一次“下载”。</p>",
    '<h1 lang="en">This report link has expired</h1><p lang="en">Go back to the chat and tap Download again.</p>',
    "</body></html>",
  ].join("\n");
}
