/**
 * Renderer entry: picks the transport, builds the store and mounts the app.
 */
import './api/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { createTransport } from './api/transport';
import { App } from './app/App';
import { AppStoreContext, createAppStore } from './store';
import './styles.css';

const store = createAppStore(createClient(createTransport()));
const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}
createRoot(root).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
