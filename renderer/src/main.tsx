import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import './fonts.css';
import { App } from './App';
import { createClient, detectTransport } from './api/client';
import { forgetSession } from './api/session';

const client = createClient(detectTransport(), () => {
  forgetSession();
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
