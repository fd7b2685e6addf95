/**
 * A reality-check fact's look: the card with its verdict-coloured edge, the heading with the
 * verdict badge, the statement, change and source lines, and the table of expectations with
 * each part's verdict in colour (the colours are the reality check's custom properties).
 */
import { css } from 'lit';

export const realityFactStyles = css`
  :host {
    display: block;
  }
  .note {
    color: var(--muted);
    margin: 0.25rem 0;
  }
  article {
    border: 1px solid #dde2e8;
    border-left: 6px solid #c3cad3;
    border-radius: 6px;
    padding: 0.75rem 1rem;
    background: #fff;
  }
  article.reproduced {
    border-left-color: var(--ok);
  }
  article.contradicted {
    border-left-color: var(--bad);
  }
  article.inconclusive {
    border-left-color: #d99a00;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  h4 {
    margin: 0;
    font-size: 1.05rem;
  }
  .verdict {
    font-weight: 700;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: #eef1f4;
    color: #333c46;
    white-space: nowrap;
  }
  .verdict.reproduced {
    background: var(--ok-bg);
    color: var(--ok);
  }
  .verdict.contradicted {
    background: var(--bad-bg);
    color: var(--bad);
  }
  .verdict.inconclusive {
    background: var(--open-bg);
    color: var(--open);
  }
  .statement {
    margin: 0.35rem 0;
  }
  .change {
    margin: 0.25rem 0;
  }
  .source {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0.35rem 0 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-top: 0.5rem;
    table-layout: fixed;
  }
  col.metric {
    width: 21%;
  }
  col.period {
    width: 21%;
  }
  col.expected {
    width: 11%;
  }
  col.model {
    width: 29%;
  }
  th,
  td {
    text-align: left;
    padding: 0.3rem 0.6rem 0.3rem 0;
    border-top: 1px solid #eef1f4;
    vertical-align: baseline;
  }
  th {
    font-weight: 600;
    color: var(--muted);
    font-size: 0.9rem;
  }
  .part.reproduced {
    color: var(--ok);
  }
  .part.contradicted {
    color: var(--bad);
  }
  .part.inconclusive {
    color: var(--open);
  }
  a {
    color: #1d4f91;
  }
  a:focus-visible {
    outline: 3px solid #3b82f6;
    outline-offset: 2px;
  }
`;
