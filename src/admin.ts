/**
 * The HR workspace's bundle (`/admin`): `<script type="module" src="/admin.js">` and `<hw-admin-app>`.
 * Built apart from `hallway.js`, so careers pages never load it.
 */
import './admin/app/app.js';
