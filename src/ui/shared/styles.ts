/**
 * Style fragments that several components share, composed into their `static styles`
 * (`[srOnly, verdictColours, css`…`]`); a component's own sheet comes last, so its local
 * overrides (a font size, a padding) win over a fragment at the same specificity.
 */
import { css } from 'lit';

/**
 * The declarations that hide an element from sight but keep it for screen readers; for a
 * rule of a component's own (`legend { ${visuallyHidden} }`).
 */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** `.sr-only`: text for screen readers only. */
export const srOnly = css`
  .sr-only {
    ${visuallyHidden}
  }
`;

/** A verdict's colour as text: better green, worse red, unclear (or unknown) grey. */
export const verdictColours = css`
  .better {
    color: #17643a;
  }
  .worse {
    color: #a3261f;
  }
  .unclear,
  .unknown {
    color: #4a5565;
  }
`;

/**
 * A row of `role="tab"` buttons over a rule, the selected one underlined; size, padding and
 * the selected tab's weight are each component's own.
 */
export const tabStyles = css`
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    border-bottom: 2px solid #dde2e8;
  }
  [role='tab'] {
    font: inherit;
    border: 1px solid transparent;
    border-bottom: 3px solid transparent;
    margin-bottom: -2px;
    background: none;
    color: #4a5565;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: #1c2430;
    border-bottom-color: #1c2430;
  }
`;
