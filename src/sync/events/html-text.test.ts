import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from './html-entities.js';
import { htmlToText, textToHtml } from './html-text.js';

describe('htmlToText', () => {
  it.each([
    ['plain text keeps its own line breaks', 'Bring a stethoscope.\r\nRoom 2', 'Bring a stethoscope.\nRoom 2'],
    ['a lone "<" is text, not a tag', 'BP < 120 and > 80', 'BP < 120 and > 80'],
    ['paragraphs become lines', '<p>First</p><p>Second</p>', 'First\nSecond'],
    ['source line breaks inside HTML are spaces', '<p>One\ntwo</p>', 'One two'],
    ['br', 'a<br>b<br />c', 'a\nb\nc'],
    ['lists become bullets', '<ul><li>Heart</li><li>Lungs</li></ul>', '• Heart\n• Lungs'],
    ['links keep their address', '<a href="https://x.org/a">Slides</a>', 'Slides (https://x.org/a)'],
    ['a link whose text is its address once', '<a href="https://x.org">https://x.org</a>', 'https://x.org'],
    ['javascript: links lose the address', '<a href="javascript:alert(1)">Click</a>', 'Click'],
    ['scripts and styles vanish with their content', '<script>alert(1)</script><style>p{}</style>Hi', 'Hi'],
    ['comments vanish', 'A<!-- secret -->B', 'AB'],
    ['an unclosed script takes the rest with it', 'Hi<SCRIPT>alert(1)', 'Hi'],
    ['tags in any case', '<P>One</P><DIV>Two</DIV>', 'One\nTwo'],
    [
      'table cells on one line',
      '<table><tr><td>Mon</td><td>9:00</td></tr><tr><td>Tue</td></tr></table>',
      'Mon 9:00\nTue',
    ],
    ['entities decode', '<p>Caf&eacute; &amp; th&eacute; &ndash; 2&#x00BD;&nbsp;h</p>', 'Café & thé – 2½ h'],
    ['encoded markup stays text', '&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['empty paragraphs collapse', '<p>a</p><p></p><p></p><p>b</p>', 'a\nb'],
    ['br twice is a blank line', 'a<br><br>b', 'a\n\nb'],
    ['null', null, ''],
  ])('%s', (_name, input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('decodeHtmlEntities', () => {
  it.each([
    ['&Eacute;cole &agrave; &ccedil;a', 'École à ça'],
    ['&#0; &#xD800; &#1114112;', '&#0; &#xD800; &#1114112;'],
    ['&unknown; &amp', '&unknown; &amp'],
    ['&#128512;', '😀'],
  ])('%s → %s', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});

describe('textToHtml', () => {
  it('escapes everything and links only http(s) URLs', () => {
    expect(textToHtml('<img src=x onerror=alert(1)>\nSee https://x.org/a?b=1&c=2.')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<br>See <a href="https://x.org/a?b=1&amp;c=2">https://x.org/a?b=1&amp;c=2</a>.',
    );
  });

  it('leaves javascript: and quotes inert', () => {
    expect(textToHtml('javascript:alert("x")')).toBe('javascript:alert(&quot;x&quot;)');
  });
});
