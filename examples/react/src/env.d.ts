import type {} from 'hallway/react';
