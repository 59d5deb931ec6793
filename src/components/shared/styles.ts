import { css } from 'lit';

/**
 * Shared by every element: inherit the host page's look, plus the few helpers all of them use.
 *
 * Colours come in three layers: the page's public `--hw-*` tokens win; else the element's theme
 * (`:state(light)` / `:state(dark)`, set by ThemeController) gives its `--_scheme-*` palette; else the
 * default, tints of the page's own text colour. Each host resolves them into the `--_*` tokens the
 * styles use, from inherited values, so a card inside a themed grid takes the grid's palette.
 *
 * Contrast of the palettes (WCAG AA), on their surface: light: text 15.8:1, muted 6.4:1, danger 6.5:1,
 * white on the accent 5.9:1; dark: text 13.2:1, muted 7.9:1, danger 9.5:1, accent (focus ring) 7.5:1,
 * text on the accent 8.3:1.
 *
 * `white-space: normal !important`: the templates' indentation is not text, so a page's
 * `white-space: pre` must not lay it out; important, so that even `* { all: unset }` leaves it (an
 * inner !important wins over the page's rules).
 */
export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    font-family: var(--hw-font, inherit);
    color: inherit;
    white-space: normal !important;

    --_accent: var(--hw-accent, var(--_scheme-accent, #2f5bd3));
    --_accent-contrast: var(--hw-accent-contrast, var(--_scheme-accent-contrast, #fff));
    --_radius: var(--hw-radius, 0.75rem);
    --_surface: var(--hw-card-background, var(--_scheme-surface, color-mix(in srgb, currentColor 3%, transparent)));
    --_surface-color: var(--hw-card-color, var(--_scheme-text, currentColor));
    --_surface-border: var(--hw-card-border-color, var(--_scheme-border, color-mix(in srgb, currentColor 15%, transparent)));
    --_muted: var(--hw-muted-color, var(--_scheme-muted, color-mix(in srgb, currentColor 75%, transparent)));
    --_placeholder: var(--hw-placeholder-color, var(--_scheme-placeholder, color-mix(in srgb, currentColor 12%, transparent)));
    --_danger: var(--hw-danger, var(--_scheme-danger, #b3261e));
  }

  :host(:state(light)) {
    color-scheme: light;
    --_scheme-surface: #ffffff;
    --_scheme-text: #1f2328;
    --_scheme-muted: #57606a;
    --_scheme-border: #d0d7de;
    --_scheme-placeholder: #e4e8ec;
    --_scheme-accent: #2f5bd3;
    --_scheme-accent-contrast: #ffffff;
    --_scheme-danger: #b3261e;
  }

  :host(:state(dark)) {
    color-scheme: dark;
    --_scheme-surface: #1d2127;
    --_scheme-text: #e6e8eb;
    --_scheme-muted: #aeb6c0;
    --_scheme-border: #3d444d;
    --_scheme-placeholder: #343a42;
    --_scheme-accent: #8ab0ff;
    --_scheme-accent-contrast: #0b1730;
    --_scheme-danger: #ffb4ab;
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
    background: var(--_placeholder);
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
    padding: var(--hw-button-padding, 0.5em 1em);
    border: 0;
    border-radius: var(--hw-button-radius, var(--_radius));
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;

/**
 * What `ListShell` renders. The heading: its placeholder reserves one line while loading; a long job
 * name wraps rather than being cut (the heading is the one place that says whom the people match),
 * even one long word in a page's grid column sized to its content (`anywhere`, not `break-word`).
 * The empty and error messages, with "Try again" beside the text when there is room.
 */
export const listShellStyles = css`
  .heading {
    min-height: 1lh;
    margin: 0 0 var(--hw-gap, 1rem);
    font-size: var(--hw-heading-size, 1.5em);
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .heading .placeholder {
    width: 50%;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
    margin: 0;
  }

  .message p {
    margin: 0;
  }
`;
