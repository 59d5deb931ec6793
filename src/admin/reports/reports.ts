import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { BlockCreate, type SafetyOverview, type SafetyQuestion, type SenderBlock } from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import styles from './reports.styles.js';

/**
 * @tagname hw-admin-reports
 * @summary The HR workspace's "Reports and held questions" (issue 18, scope `moderation`): questions
 * the site's filter held (release or reject each), questions employees reported, and blocked senders
 * and domains (block, unblock). Moderators see a sender's domain, never their address nor who reported.
 */
export class HwAdminReports extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  @state() private newDomain = '';
  @state() private domainInvalid = false;

  private readonly overview = new Loader(this, {
    task: ([admin, site]) => admin!.safety.overview(site!),
    args: () => [this.admin, this.site] as const,
  });

  protected override render() {
    return html`
      <p class="hint">${this.localize.term('adSfIntro')}</p>
      ${this.renderFeedback()}
      ${this.overview.render({
        initial: () => this.renderLoading(),
        pending: () => (this.overview.value ? this.renderLists(this.overview.value) : this.renderLoading()),
        complete: (overview) => this.renderLists(overview),
        error: (error) => this.renderLoadError(error, () => this.overview.run()),
      })}
    `;
  }

  private renderLists({ held, reports, blocks }: SafetyOverview) {
    const { localize } = this;
    return html`
      <section aria-labelledby="held-heading">
        <h2 id="held-heading">${localize.term('adSfHeld', held.length)}</h2>
        ${this.renderItems(held, localize.term('adSfHeldNone'), (item) => ({
          question: item.question,
          why: localize.term('adSfHeldFor', item.holdReasons.map((reason) => localize.term('adSfHoldReason', reason)).join(', ')),
          actions: html`<button @click=${() => this.release(item.question)}>${this.about(localize.term('adSfRelease'), item.question.candidateName)}</button>
            <button class="secondary" @click=${() => this.reject(item.question)}>${this.about(localize.term('adSfReject'), item.question.candidateName)}</button>`,
        }))}
      </section>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">${localize.term('adSfReports', reports.length)}</h2>
        ${this.renderItems(reports, localize.term('adSfReportsNone'), (item) => ({
          question: item.question,
          why: `${localize.term('adSfReason', item.reason)}, ${localize.term('adSfReportedOn', this.date(item.reportedAt))}`,
          actions: html`<button class="secondary" @click=${() => this.blockDomain(item.question.senderDomain)}>
            ${localize.term('adSfBlockDomain', item.question.senderDomain)}
          </button>`,
        }))}
      </section>
      <section aria-labelledby="blocks-heading">
        <h2 id="blocks-heading">${localize.term('adSfBlocks', blocks.length)}</h2>
        ${
          blocks.length === 0
            ? html`<p class="muted">${localize.term('adSfBlocksNone')}</p>`
            : html`<ul class="blocks" role="list">
              ${repeat(
                blocks,
                (block) => block.id,
                (block) => this.renderBlock(block),
              )}
            </ul>`
        }
        ${this.renderDomainForm()}
      </section>
    `;
  }

  private renderItems<T>(items: T[], empty: string, parts: (item: T) => { question: SafetyQuestion; why: string; actions: unknown }) {
    if (items.length === 0) return html`<p class="muted">${empty}</p>`;
    return html`<ul class="items" role="list">
      ${items.map((item) => {
        const { question, why, actions } = parts(item);
        return html`<li data-question=${question.id}>${this.renderQuestion(question, why)}<div class="actions">${actions} ${this.senderAction(question)}</div></li>`;
      })}
    </ul>`;
  }

  private renderQuestion(question: SafetyQuestion, why: string) {
    return html`
      <p class="why">${why}</p>
      <p class="about">${this.localize.term('adSfAbout', question.candidateName, question.senderDomain, question.to, this.date(question.askedAt))}</p>
      <blockquote>${question.message}</blockquote>
    `;
  }

  /** "Block the sender", or that it is done. */
  private senderAction(question: SafetyQuestion) {
    const { localize } = this;
    if (question.senderBlocked) return html`<span class="badge">${localize.term('adSfSenderBlocked')}</span>`;
    return html`<button class="danger" @click=${() => this.blockSender(question)}>${this.about(localize.term('adSfBlockSender'), question.candidateName)}</button>`;
  }

  private renderBlock(block: SenderBlock) {
    const { localize } = this;
    const what =
      block.kind === 'domain'
        ? localize.term('adSfBlockedDomain', block.domain ?? '')
        : block.candidateName
          ? localize.term('adSfBlockedAddress', block.candidateName)
          : localize.term('adSfBlockedAddressGone');
    return html`<li data-block=${block.id}>
      <span>${what} <span class="muted">(${localize.term('adSfBlockSource', block.source, this.date(block.createdAt))})</span></span>
      <button class="secondary" @click=${() => this.unblock(block)}>${this.about(localize.term('adSfUnblock'), what)}</button>
    </li>`;
  }

  private renderDomainForm() {
    const { localize } = this;
    const describedBy = this.domainInvalid ? 'domain-hint domain-error' : 'domain-hint';
    return html`
      <form novalidate @submit=${this.submitDomain}>
        <div class="field">
          <label for="domain">${localize.term('adSfNewDomain')}</label>
          <p id="domain-hint" class="hint">${localize.term('adSfNewDomainHint')}</p>
          <div class="inline">
            <input id="domain" name="domain" autocomplete="off" spellcheck="false" .value=${live(this.newDomain)}
              aria-invalid=${this.domainInvalid ? 'true' : 'false'} aria-describedby=${describedBy}
              @input=${(event: InputEvent) => (this.newDomain = (event.target as HTMLInputElement).value)} />
            <button type="submit" class="danger">${localize.term('adSfNewDomain')}</button>
          </div>
          ${this.domainInvalid ? html`<p id="domain-error" class="error">${localize.term('adSfDomainError')}</p>` : nothing}
        </div>
      </form>
    `;
  }

  /** Runs a moderator's action, then reads the lists again (a block changes several rows). */
  private async moderate(action: () => Promise<string>) {
    await this.act(async () => {
      const done = await action();
      await this.overview.run();
      return done;
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  private release(question: SafetyQuestion) {
    return this.moderate(async () => (await this.admin!.safety.release(this.site!, question.id), this.localize.term('adSfReleased', question.candidateName)));
  }

  private reject(question: SafetyQuestion) {
    return this.moderate(async () => (await this.admin!.safety.reject(this.site!, question.id), this.localize.term('adSfRejected', question.candidateName)));
  }

  private blockSender(question: SafetyQuestion) {
    return this.moderate(async () => {
      await this.admin!.safety.block(this.site!, { request: question.id });
      return this.localize.term('adSfSenderBlockedDone', question.candidateName);
    });
  }

  private blockDomain(domain: string) {
    return this.moderate(async () => (await this.admin!.safety.block(this.site!, { domain }), this.localize.term('adSfDomainBlockedDone', domain)));
  }

  private unblock(block: SenderBlock) {
    return this.moderate(async () => (await this.admin!.safety.unblock(this.site!, block.id), this.localize.term('adSfUnblocked')));
  }

  private readonly submitDomain = async (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = BlockCreate.safeParse({ domain: this.newDomain });
    this.domainInvalid = !parsed.success;
    if (!parsed.success) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#domain')?.focus();
      return;
    }
    await this.blockDomain(parsed.data.domain!);
    if (!this.failure) this.newDomain = '';
  };
}

define('hw-admin-reports', HwAdminReports);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-reports': HwAdminReports;
  }
}
