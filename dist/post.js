import './action-post/index.js';
