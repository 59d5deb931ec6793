import { css, unsafeCSS } from 'lit';
import { AVATAR_PALETTE } from '../../sdk/initials.js';

/** One class per colour of the palette: no style attribute, which strict CSPs refuse. */
const avatarColors = unsafeCSS(AVATAR_PALETTE.map((color, i) => `.initials-${i} { background: ${color}; }`).join('\n'));

// Every row has a fixed height (in lines of its own font) and clips its text, so a card has the same
// height whatever the person wrote, and the placeholder card reserves that space. A name, a job title
// or the actions (a button label, "Not taking questions until…") wrap instead, never cut: a candidate
// must read whom they ask. The actions row is at least one button high (in the button's font size).
// The "More about" row is one line high, empty or not, until its details open.
export default css`
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    height: 100%;
    padding: var(--hw-card-padding, 1rem);
    border: var(--hw-card-border-width, 1px) solid var(--_surface-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_surface-color);
    box-shadow: var(--hw-card-shadow, none);
    overflow-wrap: anywhere;
  }

  .photo {
    display: block;
    flex: none;
    width: var(--hw-photo-size, 96px);
    height: var(--hw-photo-size, 96px);
    margin-block-end: 0.5rem;
    border-radius: var(--hw-photo-radius, 50%);
    object-fit: cover;
    background: var(--_placeholder);
  }

  /* As the server draws it (server/avatar.ts): white, 36/96 of the photo's size, weight 600, centred. */
  .initials {
    display: grid;
    place-items: center;
    overflow: hidden;
    color: #fff;
    font: 600 calc(var(--hw-photo-size, 96px) * 0.375) / 1 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    user-select: none;
  }

  ${avatarColors}

  .line {
    flex: none;
    height: 1lh;
    margin: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .name,
  .title {
    flex: none;
    min-height: 1lh;
    margin: 0;
  }

  .name {
    font-size: 1.125em;
    font-weight: 600;
  }

  .meta,
  .languages,
  .bio {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .bio {
    flex: none;
    display: -webkit-box;
    height: 3lh;
    margin: 0;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
  }

  .bio .placeholder {
    display: block;
    margin-block: calc((1lh - 0.8em) / 2);
  }

  .short {
    width: 60%;
  }

  .more {
    flex: none;
    min-height: 1lh;
    font-size: 0.875em;
  }

  summary ~ * {
    margin: 0.25rem 0 0;
  }

  .actions {
    flex: none;
    min-height: calc(1lh + 1em);
    margin-block-start: auto;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .badge {
    position: absolute;
    inset-block-start: var(--hw-card-padding, 1rem);
    inset-inline-end: var(--hw-card-padding, 1rem);
    padding: 0.125em 0.625em;
    border-radius: var(--hw-badge-radius, 999px);
    font-size: 0.75em;
    font-weight: 600;
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .unavailable {
    justify-content: center;
    align-items: flex-start;
    gap: 0.75rem;
  }

  .unavailable p {
    margin: 0;
  }
`;
