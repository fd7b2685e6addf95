/**
 * A reality-check fact's look: the card with its verdict-coloured edge, the heading with the
 * verdict badge (a FAIL in white on red), the statement, test and runs lines, the measured
 * figure beside the target, the reason of a fail in colour, and the source line (the colours
 * are the reality check's custom properties).
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
  article.pass {
    border-left-color: var(--ok);
  }
  article.fail {
    border-left-color: var(--bad);
    background: #fffafa;
  }
  article.cannot-run {
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
  .verdict.pass {
    background: var(--ok-bg);
    color: var(--ok);
  }
  .verdict.fail {
    background: var(--bad);
    color: #fff;
  }
  .verdict.cannot-run {
    background: var(--open-bg);
    color: var(--open);
  }
  .statement {
    margin: 0.35rem 0;
  }
  .how,
  .runs {
    margin: 0.25rem 0;
  }
  .runs {
    color: var(--muted);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 2rem;
    margin: 0.5rem 0 0.25rem;
  }
  .figures div {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  dt {
    font-weight: 600;
    color: var(--muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .pending {
    font-weight: 400;
    color: var(--muted);
  }
  .reason {
    margin: 0.25rem 0;
  }
  .reason.fail {
    color: var(--bad);
  }
  .reason.cannot-run {
    color: var(--open);
  }
  .source {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0.35rem 0 0;
    overflow-wrap: anywhere;
  }
  code {
    font-size: 0.85rem;
  }
  a {
    color: #1d4f91;
  }
  a:focus-visible {
    outline: 3px solid #3b82f6;
    outline-offset: 2px;
  }
`;
