// Notebook 03's answers; the runner puts this file in place of the answer cell when given --solutions.
double? klNats = bernoulli.Kl;
double? iwaeK1 = VaeEvaluation.ImportanceWeightedNll(vae, new Batches(iwaeSet, mnist.TestLabels[..iwaeImages], 100, false, 0), k: 1);
