/** Escapes `&`, `<`, `>` and `"` so that text is safe in HTML, SVG and XML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
