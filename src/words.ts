/** Small helpers for messages. Internal: not exported from the package. */

/** `an organisation`, `a system`: the kinds Kartta names in messages, with their English article. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
