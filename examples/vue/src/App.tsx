import { defineComponent, ref } from 'vue';
import type { HwContactOpenEvent, HwLoadEvent } from 'hallway';

const JOB = 'Front Desk Agent';

/** A careers page for one job: the people who do it, and a button to ask one of them. */
export const App = defineComponent({
  props: { api: { type: String, required: true } },
  setup(props) {
    const loaded = ref('');
    const asking = ref('');

    // The handlers' event types are the elements' own: `event.detail` is typed.
    const onLoad = (event: HwLoadEvent) => {
      loaded.value = `${event.detail.count} people shown (match: ${event.detail.match})`;
    };
    const onContactOpen = (event: HwContactOpenEvent) => {
      asking.value = event.detail.personId;
    };

    // `onHwLoad` is what `@hw-load` compiles to in a template: Vue listens to "hw-load".
    return () => (
      <hw-provider api={props.api} site="beaumont" lang="en">
        <main>
          <h1>{JOB}, London</h1>
          <p>
            <hw-contact-button job={JOB} onHwContactOpen={onContactOpen} />
          </p>
          <hw-people-grid job={JOB} location="London" limit={4} hideEmpty onHwLoad={onLoad} />
          <p id="loaded" role="status">
            {loaded.value}
          </p>
          <p id="asking">{asking.value && `Asking ${asking.value}`}</p>
        </main>
      </hw-provider>
    );
  },
});
