// Microsoft's limits on what a team is called, in UTF-16 code units (the "characters" of Graph's .NET services; a JS
// string's `length`). Verified in Microsoft's Graph v1.0 documentation (microsoft-graph-docs-contrib):
// - group `displayName`: "Required. Maximum length is 256 characters." A team's name is its group's name.
// - team `description`: "An optional description for the team. Maximum length: 1024 characters."
// - group `mailNickname`: "Maximum length is 64 characters. This property can contain only characters in the ASCII
//   character set 0 - 127 except the following: @ () \ [] " ; : <> , SPACE" (GRAPH-FACTS §3; one revision of the
//   group page also lists `.`, so our nicknames never contain one). It must be unique in the tenant.

export const MAX_DISPLAY_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 1024;
export const MAX_MAIL_NICKNAME_LENGTH = 64;

/** Characters Microsoft refuses in a mailNickname (plus `.`, see above); everything outside printable ASCII too. */
export const MAIL_NICKNAME_FORBIDDEN = new Set(['@', '(', ')', '\\', '[', ']', '"', ';', ':', '<', '>', ',', ' ', '.']);

/** Whether Microsoft would accept `value` as a group's mailNickname (uniqueness aside). */
export function isValidMailNickname(value: string): boolean {
  if (value.length === 0 || value.length > MAX_MAIL_NICKNAME_LENGTH) return false;
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x21 || code > 0x7e || MAIL_NICKNAME_FORBIDDEN.has(char)) return false;
  }
  return true;
}
