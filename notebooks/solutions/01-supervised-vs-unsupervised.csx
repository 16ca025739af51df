// Notebook 01's answers; the runner puts this file in place of the answer cell when given --solutions.
double? purity20 = KMeans.Purity(KMeans.Fit(flatTrain, k: 20, seed: 0, iterations: 30).Assignments, mnist.TrainLabels);
int? components90 = Array.FindIndex(cumulative, c => c >= 0.9) + 1;
