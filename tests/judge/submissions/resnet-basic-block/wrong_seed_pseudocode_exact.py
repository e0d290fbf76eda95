# expect: failed
# failing-check: entry
# feedback-contains: `BasicBlock` is not defined
# The seed's pseudocode exactly as written in the interview: a bare forward, no class.
def forward(x):
	identity = x
	out = conv2d(x)
	out = batchnorm(out)
	out = relu(out)

	out = conv2d(x)
	out = batchnorm(out)

	out += identity
	out = relu(out)

	return out
