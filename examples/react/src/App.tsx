import { useState } from 'react';
import type { HwContactOpenEvent, HwLoadEvent } from 'hallway';

const JOB = 'Front Desk Agent';

/** A careers page for one job: the people who do it, and a button to ask one of them. */
export function App({ api }: { api: string }) {
  const [loaded, setLoaded] = useState('');
  const [asking, setAsking] = useState('');

  // The handlers' event types are the elements' own: `event.detail` is typed.
  const onLoad = (event: HwLoadEvent) => setLoaded(`${event.detail.count} people shown (match: ${event.detail.match})`);
  const onContactOpen = (event: HwContactOpenEvent) => setAsking(event.detail.personId);

  return (
    <hw-provider api={api} site="beaumont" lang="en">
      <main>
        <h1>{JOB}, London</h1>
        <p>
          <hw-contact-button job={JOB} onhw-contact-open={onContactOpen} />
        </p>
        <hw-people-grid job={JOB} location="London" limit={4} hideEmpty onhw-load={onLoad} />
        <p id="loaded" role="status">
          {loaded}
        </p>
        <p id="asking">{asking && `Asking ${asking}`}</p>
      </main>
    </hw-provider>
  );
}
