import { describe, expect, it } from 'vitest';
import { captionHeight, composeSvg, escapeXml, wrapText } from './compose.ts';

describe('compose', () => {
  it('escapes XML text', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
  it('wraps long lines at word boundaries', () => {
    const lines = wrapText('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh', 100, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(100 / (12 * 0.56)) + 10);
  });
  it('puts the picture on a white page with the caption under it', () => {
    const inner = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100"><rect width="10" height="10"/></svg>';
    const c = composeSvg({ inner, width: 300, height: 100, caption: ['Judul & filter', '', 'Sumber: Peta AKS'], fontCss: '@font-face{}' });
    expect(c.width).toBe(300);
    expect(c.height).toBe(100 + captionHeight(2));
    expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="300" height="\d+" viewBox="0 0 300 \d+">/);
    expect(c.svg).toContain('<style>@font-face{}</style>');
    expect(c.svg).toContain('<svg x="0" y="0" xmlns=');
    expect(c.svg).not.toContain('<?xml');
    expect([...c.svg.matchAll(/class="export-caption"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Judul &amp; filter', 'Sumber: Peta AKS']);
  });
  it('adds nothing without a caption', () => {
    const c = composeSvg({ inner: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>', width: 10, height: 20 });
    expect(c.height).toBe(20);
    expect(c.svg).not.toContain('export-caption');
  });
});
