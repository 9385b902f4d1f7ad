// The check runs in the post step (post.mjs); the main step only says so.
console.log("the cleanup of oidc-exchange's post step is checked when the job ends");
