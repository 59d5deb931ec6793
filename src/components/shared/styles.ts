import { css } from 'lit';

/** Shared by every element: inherit the host page's look, plus the few helpers all of them use. */
export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .placeholder {
    display: inline-block;
    width: 100%;
    height: 0.8em;
    vertical-align: middle;
    border-radius: 0.25em;
    background: var(--hw-placeholder-color, color-mix(in srgb, currentColor 12%, transparent));
  }

  @media (prefers-reduced-motion: no-preference) {
    .placeholder {
      animation: hw-pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes hw-pulse {
    50% {
      opacity: 0.45;
    }
  }

  button {
    font: inherit;
    padding: 0.5em 1em;
    border: 0;
    border-radius: var(--hw-radius, 0.75rem);
    background: var(--hw-accent, #2f5bd3);
    color: var(--hw-accent-contrast, #fff);
    cursor: pointer;
  }

  :focus-visible {
    outline: 2px solid var(--hw-accent, #2f5bd3);
    outline-offset: 2px;
  }
`;

/** A list's one-line heading, whose placeholder reserves exactly its space while loading. */
export const listHeadingStyles = css`
  .heading {
    height: 1lh; /* one line, so the placeholder heading reserves exactly its space */
    margin: 0 0 var(--hw-gap, 1rem);
    overflow: hidden;
    font-size: var(--hw-heading-size, 1.5em);
    font-weight: 700;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .heading .placeholder {
    width: 50%;
  }
`;
