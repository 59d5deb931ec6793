export default {
  globs: ['src/components/**/*.ts'],
  // hw-my-answers is a part of /me's hw-profile-editor (loaded by me.js only), not an element for pages.
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/components/locales/**', 'src/components/my-answers/**'],
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [eventDetails()],
};

/**
 * Gives every element's event its `detail`: `@fires {HwLoadEvent} hw-load` names the event class; the
 * class extends `CustomEvent<HwLoadDetail>`; the interface's fields become
 * `detail: { type: { text }, fields: [{ name, type, optional, description }] }`. Framework typings and
 * docs/elements.md read it from there. Events without a detail (plain `Event`) get none.
 */
function eventDetails() {
  const interfaces = new Map(); // interface name → { text, fields }
  const detailOf = new Map(); // event class name → detail type name or inline text
  return {
    name: 'hallway-event-details',
    analyzePhase({ ts, node }) {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, describeInterface(ts, node));
      if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses?.flatMap((clause) => clause.types)[0];
        if (base?.expression.getText() === 'CustomEvent' && base.typeArguments?.length === 1) {
          detailOf.set(node.name.text, base.typeArguments[0].getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const detail = detailOf.get(event.type?.text);
            if (detail) event.detail = { type: { text: detail }, fields: interfaces.get(detail)?.fields ?? [] };
          }
        }
      }
    },
  };
}

function describeInterface(ts, node) {
  const fields = node.members.filter(ts.isPropertySignature).map((member) => ({
    name: member.name.getText(),
    type: { text: member.type?.getText() ?? 'unknown' },
    optional: Boolean(member.questionToken),
    description: ts
      .getJSDocCommentsAndTags(member)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join(' ')
      .trim(),
  }));
  return { fields };
}
