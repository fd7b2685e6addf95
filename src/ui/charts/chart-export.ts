/**
 * Chart export for slides: a standalone SVG (styles inlined, namespace set, white background)
 * and a PNG rendered from it on an offscreen canvas at twice the size, each with an optional
 * caption (export-context.ts: scenario, levers, seed, date, link) drawn under the chart on
 * room added for it, so it never overlaps the plot. Plain DOM, no Lit.
 */
import { CAPTION_FONT_PX, CAPTION_LINE_PX } from '../shared/export-context';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Presentation properties copied from the page's computed style onto every exported element. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Elements marked `data-export="skip"` (hover guides, focus rings) are left out. */
export const SKIP_ATTRIBUTE = 'data-export';

/** The drawn size of an svg: its width/height attributes, else its box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = svg.getBoundingClientRect();
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** The room a caption of `lines` lines takes under the chart, in px (0 without a caption). */
export function captionHeight(lines: number): number {
  return lines === 0 ? 0 : 16 + lines * CAPTION_LINE_PX;
}

/** The size of the export of an svg with a caption of `lines` lines. */
export function exportSize(svg: SVGSVGElement, lines = 0): { width: number; height: number } {
  const { width, height } = svgSize(svg);
  return { width, height: height + captionHeight(lines) };
}

/**
 * The caption as a group under the chart (which is `height` px high): a rule, then one text
 * per line, left-aligned, in the chart's font.
 */
function captionGroup(lines: readonly string[], width: number, height: number): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('data-export-caption', '');
  g.setAttribute('style', `font-size:${CAPTION_FONT_PX}px;fill:#333333`);
  const rule = document.createElementNS(SVG_NS, 'line');
  for (const [k, v] of [
    ['x1', 8],
    ['x2', width - 8],
    ['y1', height + 4.5],
    ['y2', height + 4.5],
  ] as const) {
    rule.setAttribute(k, String(v));
  }
  rule.setAttribute('style', 'stroke:#cccccc;stroke-width:1');
  g.append(rule);
  lines.forEach((line, i) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', String(height + 8 + (i + 1) * CAPTION_LINE_PX - 3));
    text.textContent = line;
    g.append(text);
  });
  return g;
}

/**
 * The svg as a standalone document: every element carries its computed presentation style
 * inline (so it renders the same without the page's style sheets or fonts context), the SVG
 * namespace is declared, width/height/viewBox are set, a white background comes first, and
 * interactive-only parts and template comments are removed. A `caption` (its lines already
 * wrapped to the width) is drawn under the chart, the document grown to hold it.
 */
export function standaloneSvg(svg: SVGSVGElement, caption: readonly string[] = []): string {
  const { width, height: chartHeight } = svgSize(svg);
  const height = chartHeight + captionHeight(caption.length);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(source);
    const inline = INLINED.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    copy.setAttribute('style', inline);
  });
  for (const el of Array.from(clone.querySelectorAll(`[${SKIP_ATTRIBUTE}="skip"]`))) el.remove();
  removeComments(clone);
  for (const attr of ['tabindex', 'role', 'aria-describedby', 'class']) {
    clone.removeAttribute(attr);
  }
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  clone.setAttribute('version', '1.1');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // The charts draw in px (a viewBox of their own size); a caption extends it downwards.
  if (caption.length > 0 || !clone.hasAttribute('viewBox')) {
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  if (caption.length > 0) {
    clone.append(captionGroup(caption, width, chartHeight));
  }
  const text = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/**
 * Renders standalone SVG text to a PNG at `scale` times its size on an offscreen canvas with a
 * white background.
 */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image(w, h);
    image.src = url;
    await image.decode();
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas context for the PNG export');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(image, 0, 0, w, h);
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context for the PNG export');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(image, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG export produced nothing'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The PNG of an svg (with its caption under it) at twice its size. */
export function svgPng(
  svg: SVGSVGElement,
  caption: readonly string[] = [],
  scale = 2,
): Promise<Blob> {
  const { width, height } = exportSize(svg, caption.length);
  return svgToPng(standaloneSvg(svg, caption), width, height, scale);
}

/** Saves a blob as a file through a temporary `<a download>` link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves standalone SVG text as a file. */
export function downloadSvg(svgText: string, filename: string): void {
  downloadBlob(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

function removeComments(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}
