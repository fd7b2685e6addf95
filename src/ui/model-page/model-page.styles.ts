/**
 * The model page's look: the contents column beside the sections, the sections as cards, the
 * prose's definition lists and steps, the generated parameter and metric tables (with the
 * row a link points to highlighted), and a single column on narrow screens.
 */
import { css } from 'lit';

export const modelPageStyles = css`
  :host {
    display: block;
    color: #1c2430;
    line-height: 1.5;
    --muted: #59636e;
    --line: #dde2e8;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 15rem) minmax(0, 1fr);
    gap: 1.5rem;
    padding: 0 0 2rem;
    align-items: start;
  }
  nav {
    position: sticky;
    top: 0.5rem;
    max-height: calc(100vh - 1rem);
    overflow: auto;
    font-size: 0.95rem;
  }
  nav h2 {
    font-size: 0.85rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--muted);
    margin: 0.25rem 0 0.5rem;
  }
  nav ol {
    margin: 0;
    padding-left: 2rem;
  }
  nav li {
    margin: 0.2rem 0;
  }
  nav li.current a {
    font-weight: 700;
  }
  .content {
    min-width: 0;
    max-width: 72rem;
  }
  .intro {
    font-size: 1.05rem;
  }
  h1 {
    font-size: 1.6rem;
    margin: 0.25rem 0 0.5rem;
  }
  section {
    background: #fff;
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 0.75rem 1.25rem 1rem;
    margin: 0 0 1rem;
    scroll-margin-top: 0.75rem;
  }
  h2 {
    font-size: 1.3rem;
    margin: 0.25rem 0 0.5rem;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  h2 .odd {
    font-size: 0.8rem;
    font-weight: 400;
    color: var(--muted);
  }
  h3 {
    font-size: 1.05rem;
    margin: 1.1rem 0 0.2rem;
    scroll-margin-top: 0.75rem;
  }
  p {
    margin: 0.4rem 0;
  }
  dt {
    font-weight: 700;
    margin-top: 0.6rem;
  }
  dd {
    margin: 0.1rem 0 0 0;
  }
  ol.steps li {
    margin: 0.3rem 0;
  }
  .aside,
  .group-meaning {
    color: var(--muted);
  }
  .group-meaning {
    margin: 0 0 0.4rem;
  }
  a {
    color: #1d4f91;
  }
  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid #3b82f6;
    outline-offset: 2px;
  }
  table.docs {
    border-collapse: collapse;
    width: 100%;
    table-layout: fixed;
  }
  table.docs thead th:nth-child(1) {
    width: 28%;
  }
  table.docs thead th:nth-child(2) {
    width: 20%;
  }
  table.docs th,
  table.docs td {
    text-align: left;
    vertical-align: top;
    padding: 0.45rem 0.75rem 0.45rem 0;
    border-top: 1px solid #eef1f4;
    overflow-wrap: anywhere;
  }
  table.docs thead th {
    font-size: 0.85rem;
    color: var(--muted);
    font-weight: 600;
    border-top: none;
  }
  table.docs tbody th {
    font-weight: 400;
  }
  table.docs tr {
    scroll-margin-top: 3.5rem;
  }
  table.docs tr.targeted {
    background: #fff6d6;
    box-shadow: inset 4px 0 0 #d99a00;
  }
  table.docs tr.targeted > th {
    padding-left: 0.6rem;
  }
  table.facts thead th:nth-child(3) {
    width: 14%;
  }
  table.facts td.target {
    font-weight: 600;
  }
  table.facts .fact-source {
    color: var(--muted);
    font-size: 0.92rem;
  }
  .label {
    display: block;
    font-weight: 600;
  }
  code.id {
    display: block;
    font-size: 0.85rem;
    color: #3d4955;
  }
  .unit,
  .range,
  .current,
  .default,
  .direction {
    display: block;
  }
  .unit,
  .range {
    color: var(--muted);
    font-size: 0.9rem;
  }
  .current {
    font-weight: 700;
    color: #7a5400;
  }
  .meaning {
    display: block;
  }
  .source,
  .guardrail {
    display: block;
    color: var(--muted);
    font-size: 0.92rem;
    margin-top: 0.15rem;
  }
  .guardrail {
    color: #7a2a1e;
  }
  .tag {
    font-weight: 600;
  }
  .missing {
    background: #fdf1d6;
    border: 1px solid #e7c978;
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
  }
  .counts {
    color: var(--muted);
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
    }
    nav {
      position: static;
      max-height: none;
    }
  }
`;
