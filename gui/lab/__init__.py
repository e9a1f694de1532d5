"""The learning lab: runs side by side, the gradient lab, gradient flow."""
