import type {} from 'hallway/vue';
