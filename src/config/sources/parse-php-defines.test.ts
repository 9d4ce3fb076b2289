import { describe, expect, it } from 'vitest';
import { parsePhpDefines } from './parse-php-defines.js';

// Verbatim from "Updating the Elentra ME Settings File" in the configuration guide.
const GUIDE_BLOCK = `/*
 * Microsoft Teams/Azure Active Directory
 */
define("MS_SERVICE_TOKEN_ID", "microsoft_graph");
define("MS_AD_TENANT_ID", "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX");
define("MS_OAUTH_CLIENT_ID", "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX");
define("MS_OAUTH_CLIENT_SECRET", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
define("MS_OAUTH_SCOPES", "offline_access,User.ReadBasic.All,Group.ReadWrite.All,Team.Create,Team.ReadBasic.All,TeamMember.ReadWrite.All");
define("MS_OAUTH_REDIRECT_URL", ENTRADA_URL."/api/ms-graph-oauth.php");`;

describe('parsePhpDefines', () => {
  it("reads the guide's block, with ENTRADA_URL defined above it", () => {
    const text = `<?php\ndefine("ENTRADA_URL", "https://elentra.example.edu");\n${GUIDE_BLOCK}\n`;
    expect(Object.fromEntries(parsePhpDefines(text))).toEqual({
      ENTRADA_URL: 'https://elentra.example.edu',
      MS_SERVICE_TOKEN_ID: 'microsoft_graph',
      MS_AD_TENANT_ID: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX',
      MS_OAUTH_CLIENT_ID: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX',
      MS_OAUTH_CLIENT_SECRET: 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      MS_OAUTH_SCOPES:
        'offline_access,User.ReadBasic.All,Group.ReadWrite.All,Team.Create,Team.ReadBasic.All,TeamMember.ReadWrite.All',
      MS_OAUTH_REDIRECT_URL: 'https://elentra.example.edu/api/ms-graph-oauth.php',
    });
  });

  it('skips the redirect define when ENTRADA_URL is not defined in the file (the default then applies)', () => {
    const constants = parsePhpDefines(GUIDE_BLOCK);
    expect(constants.has('MS_OAUTH_REDIRECT_URL')).toBe(false);
    expect(constants.get('MS_SERVICE_TOKEN_ID')).toBe('microsoft_graph');
  });

  it.each([
    ['single quotes', `define('A', 'it\\'s');`, "it's"],
    ['spaces and a namespaced call', `\\define ( "A" , "x" ) ;`, 'x'],
    ['concatenation of literals', `define("A", "a" . 'b' . "c");`, 'abc'],
    ['a constant defined earlier', `define("B", "/x"); define("A", "https://h" . B . "/y");`, 'https://h/x/y'],
    ['a number', 'define("A", 8080);', '8080'],
    ['true', 'define("A", true);', '1'],
    ['the third (case-insensitive) argument', 'define("A", "x", true);', 'x'],
    ['escapes in double quotes', 'define("A", "tab\\there \\$x");', 'tab\there $x'],
    ['the first define of a name (as PHP)', 'define("A", "first"); define("A", "second");', 'first'],
  ])('reads %s', (_, text, expected) => {
    expect(parsePhpDefines(text).get('A')).toBe(expected);
  });

  it.each([
    ['a line comment', '// define("A", "x");'],
    ['a hash comment', '# define("A", "x");'],
    ['a block comment', '/* define("A", "x"); */'],
    ['string interpolation', 'define("A", "https://$host/x");'],
    ['a superglobal', 'define("A", "https://" . $_SERVER["HTTP_HOST"]);'],
    ['a function call', 'define("A", dirname(__FILE__) . "/x");'],
    ['an undefined constant', 'define("A", UNKNOWN_CONSTANT . "/x");'],
    ['a non-literal name', 'define($name, "x");'],
    ['a missing parenthesis', 'define("A", "x";'],
    ['an unterminated string', 'define("A", "x'],
  ])('ignores %s without crashing', (_, text) => {
    expect(parsePhpDefines(text).has('A')).toBe(false);
  });

  it('goes on reading after a define it cannot evaluate', () => {
    const text = 'define("A", $_SERVER["X"]);\nif ($x) { foo(); }\ndefine("B", "after");';
    expect(Object.fromEntries(parsePhpDefines(text))).toEqual({ B: 'after' });
  });

  it('survives arbitrary text', () => {
    expect(() => parsePhpDefines('<?php <<<EOT\n"\'/*\\ define( ) , . ; ?>')).not.toThrow();
  });
});
