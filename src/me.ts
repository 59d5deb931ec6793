/**
 * The employee's `/me` page bundle: `<script type="module" src="/me.js">` and `<hw-profile-editor>`.
 * Built apart from `hallway.js`, so candidates' pages never load the editor.
 */
import './components/person-card/person-card.js';
import './components/profile-editor/profile-editor.js';
import './components/my-answers/my-answers.js';
