/**
 * The reality check's facts as a list, without running them: each fact's title and statement,
 * what is measured on the model, the numeric target and the source, in the page's purpose
 * section (the patterns the model is judged by). The check itself (reality-check.ts) runs
 * them. Also the source line both use: a web address as a link, a path into the repository's
 * docs as text. Templates only.
 */
import { html, type TemplateResult } from 'lit';
import { REALITY_FACTS, type FactSource } from '../../model/reality-facts';
import { factTargetText, sourceWhere } from './fact-words';

/** A fact's source: its citation, linked to where to read it. */
export function sourceRef(source: FactSource): TemplateResult {
  const where = sourceWhere(source.url);
  if (where.href) {
    return html`<a href=${where.href} target="_blank" rel="noopener noreferrer">${source.cite}</a>`;
  }
  return html`${source.cite} (<code>${where.text}</code>)`;
}

/** The facts with their targets and sources, as a table (hook: `data-fact-row="<id>"`). */
export function factList(): TemplateResult {
  return html`<table class="docs facts">
    <thead>
      <tr>
        <th scope="col">Fact</th>
        <th scope="col">Measured on the model</th>
        <th scope="col">Target</th>
        <th scope="col">Source</th>
      </tr>
    </thead>
    <tbody>
      ${REALITY_FACTS.map(
        (f) =>
          html`<tr data-fact-row=${f.id}>
            <th scope="row"><span class="label">${f.title}</span> ${f.statement}</th>
            <td>${f.how}</td>
            <td class="target" data-target>${factTargetText(f)}</td>
            <td class="fact-source">${sourceRef(f.source)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
