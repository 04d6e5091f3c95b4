using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CourseKit.Clipping;
using CourseKit.Data;
using CourseKit.Optimizers;

namespace CourseKit.Networks;

/// <summary>
/// A multilayer perceptron: dense layers, hand-written backprop, every weight and bias in one float
/// buffer and every gradient in another, so one optimizer call steps the whole model:
/// <code>
/// net.LoadBatch(train, rows);
/// float loss = optimizer.Step(net.Parameters, net.Gradients, net.LossAndGradient);
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// Shapes, for a minibatch of m rows: A₀ = X (m × n₀); for each layer Zₗ = Aₗ₋₁·Wₗ + bₗ and
/// Aₗ = fₗ(Zₗ) (m × nₗ); the loss compares the last A with the labels or targets.
/// Backward: dZₗ = dAₗ ⊙ fₗ′(Zₗ); dWₗ = Aₗ₋₁ᵀ·dZₗ; dbₗ = column sums of dZₗ; dAₗ₋₁ = dZₗ·Wₗᵀ.
/// The three products are the three shapes of <see cref="MatMul"/>.
/// </para>
/// <para>
/// Buffers for activations and deltas are sized for the largest batch seen; after that, a forward and
/// backward pass allocates nothing. Dropout (inverted: kept units are scaled by 1/(1−p)) acts on the
/// hidden layers while <see cref="IsTraining"/> is true, with masks from the network's own seeded generator.
/// </para>
/// </remarks>
public sealed class Mlp
{
    private readonly int[] _sizes;
    private readonly float[] _theta, _grad;
    private readonly DenseLayer[] _layers;
    private readonly Random _dropoutRandom;

    // Per layer l = 0..L: _act[l] is Aₗ (m × nₗ, _act[0] is the input batch). For l ≥ 1: _deriv[l] holds
    // fₗ′(Zₗ) times the dropout mask, _delta[l] holds dAₗ and then, in place, dZₗ; _mask[l] is the dropout mask.
    private float[][] _act = [], _deriv = [], _delta = [], _mask = [];
    private int[] _labels = [];
    private float[] _targets = [];
    private int _capacity, _batch;
    private float[] _saved = [], _gPlus = [], _gMinus = [];

    /// <summary>
    /// Builds a network with layer sizes <paramref name="sizes"/> (input first, e.g. [64, 64, 10]) and
    /// initialises it from <paramref name="seed"/>.
    /// </summary>
    /// <param name="sizes">Units per layer, input and output included: at least two numbers, all positive.</param>
    /// <param name="hidden">Activation of every hidden layer.</param>
    /// <param name="output">Activation of the output layer (Identity for softmax cross-entropy: softmax is part of the loss).</param>
    /// <param name="loss">The training loss.</param>
    /// <param name="initialization">Weight initialisation; Default is He for ReLU hidden layers, Glorot otherwise.</param>
    /// <param name="seed">Seed for the weights and the dropout masks.</param>
    /// <param name="dropout">Probability p of dropping a hidden unit during training, in [0, 1).</param>
    public Mlp(IReadOnlyList<int> sizes, Activation hidden = Activation.Relu, Activation output = Activation.Identity,
        LossFunction loss = LossFunction.SoftmaxCrossEntropy, Initialization initialization = Initialization.Default, int seed = 0,
        double dropout = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2) throw new ArgumentException("A network needs at least an input and an output size, e.g. [64, 10].", nameof(sizes));
        foreach (int n in sizes) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(sizes));
        if (!(dropout >= 0 && dropout < 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1).");

        int[] units = _sizes = sizes.ToArray();
        Sizes = Array.AsReadOnly(units);
        Loss = loss;
        DropoutRate = dropout;
        Initialization = initialization == Initialization.Default
            ? (hidden == Activation.Relu ? Initialization.He : Initialization.Glorot)
            : initialization;

        int count = 0;
        for (int l = 1; l < units.Length; l++) count += units[l - 1] * units[l] + units[l];
        _theta = new float[count];
        _grad = new float[count];
        _layers = new DenseLayer[units.Length - 1];
        for (int l = 0, offset = 0; l < _layers.Length; l++)
        {
            _layers[l] = new DenseLayer(_theta, _grad, offset, units[l], units[l + 1], l == _layers.Length - 1 ? output : hidden);
            offset += _layers[l].ParameterCount;
        }
        _dropoutRandom = new Random(seed ^ 0x5eed);
        Initialize(seed);
        LossAndGradient = ComputeLossAndGradient;
    }

    /// <summary>Units per layer, input first.</summary>
    public IReadOnlyList<int> Sizes { get; }

    public IReadOnlyList<DenseLayer> Layers => _layers;

    public LossFunction Loss { get; }

    public Initialization Initialization { get; }

    public double DropoutRate { get; }

    /// <summary>Whether dropout is active in <see cref="LossAndGradient"/> and <see cref="ComputeLoss"/>; <see cref="Evaluate"/>, <see cref="Predict"/> and the Hessian never drop units.</summary>
    public bool IsTraining { get; set; } = true;

    /// <summary>Number of inputs (features).</summary>
    public int Inputs => _sizes[0];

    /// <summary>Number of outputs (classes, for cross-entropy).</summary>
    public int Outputs => _sizes[^1];

    /// <summary>All weights and biases, layer after layer (W₁, b₁, W₂, b₂, …): θ.</summary>
    public Span<float> Parameters => _theta;

    /// <summary>∇J(θ) from the last backward pass, laid out like <see cref="Parameters"/>.</summary>
    public Span<float> Gradients => _grad;

    /// <summary><see cref="Parameters"/> as a Memory, which a notebook cell can keep in a variable.</summary>
    public Memory<float> ParameterMemory => _theta;

    /// <summary><see cref="Gradients"/> as a Memory.</summary>
    public Memory<float> GradientMemory => _grad;

    public int ParameterCount => _theta.Length;

    /// <summary>Rows in the current minibatch.</summary>
    public int BatchSize => _batch;

    /// <summary>
    /// Loss and gradient on the current minibatch, for an optimizer: fills the gradient buffer with
    /// ∇J(θ) and returns J(θ). θ must be this network's own <see cref="Parameters"/> (the Nesterov
    /// variants move it in place before calling). One cached delegate, so passing it allocates nothing.
    /// </summary>
    public GradientFunction<float> LossAndGradient { get; }

    /// <summary>Draws fresh weights from <paramref name="seed"/> and zeroes the biases.</summary>
    public void Initialize(int seed)
    {
        var random = new Random(seed);
        foreach (var layer in _layers)
        {
            var w = layer.Weights.Span;
            int fanIn = layer.Inputs, fanOut = layer.Outputs;
            if (Initialization == Initialization.He)
            {
                double sd = Math.Sqrt(2.0 / fanIn);
                for (int i = 0; i < w.Length; i++) w[i] = (float)(sd * Synthetic.Gaussian(random));
            }
            else
            {
                double a = Math.Sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < w.Length; i++) w[i] = (float)((2 * random.NextDouble() - 1) * a);
            }
            layer.Bias.Span.Clear();
        }
        _grad.AsSpan().Clear();
    }

    /// <summary>Copies the given rows of <paramref name="data"/> (features, and labels or targets) into the input buffers.</summary>
    public void LoadBatch(Dataset data, ReadOnlySpan<int> rows)
    {
        CheckData(data);
        EnsureCapacity(rows.Length);
        _batch = rows.Length;
        for (int i = 0; i < rows.Length; i++) LoadRow(data, rows[i], i);
    }

    /// <summary>Loads rows start … start+count−1 (used for evaluation in chunks).</summary>
    public void LoadBatch(Dataset data, int start, int count)
    {
        CheckData(data);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, data.Rows, nameof(count));
        EnsureCapacity(count);
        _batch = count;
        for (int i = 0; i < count; i++) LoadRow(data, start + i, i);
    }

    /// <summary>Forward pass and loss on the current minibatch, no gradient. Dropout follows <see cref="IsTraining"/>.</summary>
    public float ComputeLoss() => (float)Forward(IsTraining && DropoutRate > 0);

    /// <summary>
    /// The <see cref="GradientFunction{T}"/> body: forward, loss, backward into <paramref name="gradient"/>
    /// (normally <see cref="Gradients"/>).
    /// </summary>
    public float ComputeLossAndGradient(ReadOnlySpan<float> theta, Span<float> gradient)
    {
        if (theta.Length != _theta.Length || !Unsafe.AreSame(ref MemoryMarshal.GetReference(theta), ref _theta[0]))
            throw new ArgumentException("This network evaluates the gradient at its own parameters: pass net.Parameters as theta.", nameof(theta));
        if (gradient.Length != _grad.Length)
            throw new ArgumentException($"gradient has {gradient.Length} elements; the network has {_grad.Length} parameters.", nameof(gradient));
        double loss = Forward(IsTraining && DropoutRate > 0);
        Backward(gradient);
        return (float)loss;
    }

    /// <summary>Loss and gradient on the current minibatch into <see cref="Gradients"/>.</summary>
    public float ComputeLossAndGradient() => ComputeLossAndGradient(_theta, _grad);

    /// <summary>The network's outputs for the current minibatch after the last forward pass (m × Outputs, before softmax).</summary>
    public ReadOnlySpan<float> Output => _act.Length == 0 ? default : _act[^1].AsSpan(0, _batch * Outputs);

    /// <summary>
    /// Mean loss and accuracy over all of <paramref name="data"/>, in chunks of <paramref name="chunk"/>
    /// rows, without dropout. Overwrites the current minibatch.
    /// </summary>
    public Evaluation Evaluate(Dataset data, int chunk = 256)
    {
        CheckData(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        if (data.Rows == 0) return new Evaluation(double.NaN, double.NaN);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < data.Rows; start += chunk)
        {
            int count = Math.Min(chunk, data.Rows - start);
            LoadBatch(data, start, count);
            lossSum += Forward(dropout: false) * count;
            if (data.IsClassification) correct += CountCorrect();
        }
        return new Evaluation(lossSum / data.Rows, data.IsClassification ? (double)correct / data.Rows : double.NaN);
    }

    /// <summary>
    /// Outputs for <paramref name="rows"/> examples given row-major in <paramref name="features"/>:
    /// class probabilities (softmax) for cross-entropy, the raw outputs for MSE. For plots such as
    /// decision boundaries; allocates its result. Clears the current minibatch (load one again before a step).
    /// </summary>
    public float[] Predict(ReadOnlySpan<float> features, int rows)
    {
        if (features.Length != rows * Inputs) throw new ArgumentException($"{features.Length} values for {rows} rows of {Inputs} features.", nameof(features));
        var result = new float[rows * Outputs];
        const int chunk = 256;
        for (int start = 0; start < rows; start += chunk)
        {
            int count = Math.Min(chunk, rows - start);
            EnsureCapacity(count);
            _batch = count;
            features.Slice(start * Inputs, count * Inputs).CopyTo(_act[0]);
            ForwardLayers(dropout: false);
            var output = _act[^1].AsSpan(0, count * Outputs);
            if (Loss == LossFunction.SoftmaxCrossEntropy)
                for (int i = 0; i < count; i++) TensorPrimitives.SoftMax(output.Slice(i * Outputs, Outputs), result.AsSpan((start + i) * Outputs, Outputs));
            else
                output.CopyTo(result.AsSpan(start * Outputs));
        }
        _batch = 0; // the input buffer no longer matches the loaded labels
        return result;
    }

    /// <summary>
    /// H·v on the current minibatch, H the Hessian of the loss, by a central difference of gradients:
    /// Hv ≈ (∇J(θ + hv) − ∇J(θ − hv)) / 2h, with h chosen so that θ moves by <paramref name="displacement"/>.
    /// Dropout is off; θ and <see cref="Gradients"/> are left as they were.
    /// </summary>
    public void HessianVectorProduct(ReadOnlySpan<float> v, Span<float> result, double displacement = 1e-2)
    {
        if (v.Length != _theta.Length || result.Length != _theta.Length)
            throw new ArgumentException($"v and result need {_theta.Length} elements (one per parameter).");
        if (_batch == 0) throw new InvalidOperationException("Load a minibatch first (LoadBatch).");
        double norm = GradientClipping.Norm(v);
        if (norm == 0) { result.Clear(); return; }
        float h = (float)(displacement / norm);
        if (_saved.Length != _theta.Length) (_saved, _gPlus, _gMinus) = (new float[_theta.Length], new float[_theta.Length], new float[_theta.Length]);
        _theta.CopyTo(_saved, 0);
        try
        {
            TensorPrimitives.MultiplyAdd(v, h, _saved, _theta);
            Forward(dropout: false);
            Backward(_gPlus);
            TensorPrimitives.MultiplyAdd(v, -h, _saved, _theta);
            Forward(dropout: false);
            Backward(_gMinus);
        }
        finally
        {
            _saved.CopyTo(_theta, 0);
        }
        TensorPrimitives.Subtract(_gPlus, _gMinus, result);
        TensorPrimitives.Multiply(result, 1f / (2 * h), result);
    }

    /// <summary>
    /// dᵀHd, the curvature of the loss along <paramref name="direction"/> on the current minibatch. With
    /// d = g, the second-order model says a step −εg changes the loss by −ε gᵀg + ½ε² gᵀHg: when
    /// ½ε² gᵀHg exceeds ε gᵀg the step makes things worse (the lecture's ill-conditioning).
    /// </summary>
    public double Curvature(ReadOnlySpan<float> direction)
    {
        var hv = new float[direction.Length];
        HessianVectorProduct(direction, hv);
        double dot = 0;
        for (int i = 0; i < hv.Length; i++) dot += (double)direction[i] * hv[i];
        return dot;
    }

    /// <summary>For tests: the dropout mask of layer l (1-based), m × nₗ, values 0 or 1/(1−p).</summary>
    internal ReadOnlySpan<float> DropoutMask(int layer) => _mask[layer].AsSpan(0, _batch * _sizes[layer]);

    /// <summary>For tests: the input batch as loaded.</summary>
    internal ReadOnlySpan<float> InputBatch => _act[0].AsSpan(0, _batch * Inputs);

    // ---------------------------------------------------------------- forward and backward

    private double Forward(bool dropout)
    {
        if (_batch == 0) throw new InvalidOperationException("Load a minibatch first (LoadBatch).");
        ForwardLayers(dropout);
        return Loss == LossFunction.SoftmaxCrossEntropy ? SoftmaxCrossEntropy() : MeanSquaredError();
    }

    private void ForwardLayers(bool dropout)
    {
        int m = _batch;
        for (int l = 1; l <= _layers.Length; l++)
        {
            var layer = _layers[l - 1];
            int nIn = layer.Inputs, nOut = layer.Outputs;
            var z = _act[l].AsSpan(0, m * nOut);
            var bias = layer.Bias.Span;
            for (int i = 0; i < m; i++) bias.CopyTo(z.Slice(i * nOut, nOut));
            MatMul.Multiply(_act[l - 1], layer.Weights.Span, z, m, nIn, nOut, accumulate: true);

            var d = _deriv[l].AsSpan(0, m * nOut);
            Activate(layer.Activation, z, d);
            if (dropout && l < _layers.Length)
            {
                var mask = _mask[l].AsSpan(0, m * nOut);
                float keep = 1f / (float)(1 - DropoutRate);
                for (int i = 0; i < mask.Length; i++) mask[i] = _dropoutRandom.NextDouble() < DropoutRate ? 0f : keep;
                TensorPrimitives.Multiply(z, mask, z);
                TensorPrimitives.Multiply(d, mask, d);
            }
        }
    }

    // A = f(Z) in place; D = f′(Z).
    private static void Activate(Activation f, Span<float> z, Span<float> d)
    {
        switch (f)
        {
            case Activation.Relu:
                Relu(z, d);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, z);
                for (int i = 0; i < z.Length; i++) d[i] = 1 - z[i] * z[i];
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(z, z);
                for (int i = 0; i < z.Length; i++) d[i] = z[i] * (1 - z[i]);
                break;
            default:
                d.Fill(1f);
                break;
        }
    }

    // A = max(Z, 0) and D = [Z > 0], a vector at a time. Written as "Z ≤ 0 → 0" rather than max so a
    // NaN passes through (the comparison is false for NaN): a NaN weight must show in the loss, not be hidden.
    private static void Relu(Span<float> z, Span<float> d)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            for (; i + Vector<float>.Count <= z.Length; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), one, Vector<float>.Zero).CopyTo(d[i..]);
                Vector.ConditionalSelect(Vector.LessThanOrEqual(v, Vector<float>.Zero), Vector<float>.Zero, v).CopyTo(z[i..]);
            }
        }
        for (; i < z.Length; i++) { bool on = z[i] > 0; d[i] = on ? 1f : 0f; z[i] = on || float.IsNaN(z[i]) ? z[i] : 0f; }
    }

    // Mean of −z_y + log Σ_j e^{z_j}; leaves dA = (softmax − onehot)/m in the last delta buffer.
    private double SoftmaxCrossEntropy()
    {
        int m = _batch, k = Outputs;
        var z = _act[^1];
        var delta = _delta[^1];
        double total = 0;
        float invM = 1f / m;
        for (int i = 0; i < m; i++)
        {
            var zi = z.AsSpan(i * k, k);
            var di = delta.AsSpan(i * k, k);
            float max = TensorPrimitives.Max(zi);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.Exp(zi[j] - max);
            double logSumExp = max + Math.Log(sum);
            int y = _labels[i];
            total += logSumExp - zi[y];
            for (int j = 0; j < k; j++) di[j] = (float)Math.Exp(zi[j] - logSumExp) * invM;
            di[y] -= invM;
        }
        return total / m;
    }

    // (1/(m·K)) Σ (a − t)²; leaves dA = 2(a − t)/(m·K).
    private double MeanSquaredError()
    {
        int n = _batch * Outputs;
        var a = _act[^1].AsSpan(0, n);
        var delta = _delta[^1].AsSpan(0, n);
        TensorPrimitives.Subtract(a, _targets.AsSpan(0, n), delta);
        double total = 0;
        for (int i = 0; i < n; i++) total += (double)delta[i] * delta[i];
        TensorPrimitives.Multiply(delta, 2f / n, delta);
        return total / n;
    }

    private void Backward(Span<float> gradient)
    {
        int m = _batch;
        for (int l = _layers.Length; l >= 1; l--)
        {
            var layer = _layers[l - 1];
            int nIn = layer.Inputs, nOut = layer.Outputs;
            var dz = _delta[l].AsSpan(0, m * nOut);
            TensorPrimitives.Multiply(dz, _deriv[l].AsSpan(0, m * nOut), dz);     // dZ = dA ⊙ f′(Z) (⊙ mask)

            var dW = gradient.Slice(layer.WeightOffset, nIn * nOut);
            MatMul.MultiplyTransposedA(_act[l - 1], dz, dW, nIn, m, nOut);      // dW = Aₗ₋₁ᵀ · dZ
            var db = gradient.Slice(layer.BiasOffset, nOut);
            dz[..nOut].CopyTo(db);
            for (int i = 1; i < m; i++) TensorPrimitives.Add(db, dz.Slice(i * nOut, nOut), db); // db = Σ rows of dZ

            if (l > 1) MatMul.MultiplyTransposedB(dz, layer.Weights.Span, _delta[l - 1], m, nOut, nIn); // dA = dZ · Wᵀ
        }
    }

    // ---------------------------------------------------------------- plumbing

    private int CountCorrect()
    {
        int correct = 0;
        for (int i = 0; i < _batch; i++)
            if (TensorPrimitives.IndexOfMax(_act[^1].AsSpan(i * Outputs, Outputs)) == _labels[i]) correct++;
        return correct;
    }

    private void LoadRow(Dataset data, int row, int i)
    {
        data.Row(row).CopyTo(_act[0].AsSpan(i * Inputs, Inputs));
        if (data.Labels is { } labels) _labels[i] = labels[row];
        if (Loss == LossFunction.MeanSquaredError)
        {
            var t = _targets.AsSpan(i * Outputs, Outputs);
            if (data.Targets is not null) data.TargetRow(row).CopyTo(t);
            else { t.Clear(); t[data.Labels![row]] = 1f; } // one-hot
        }
    }

    private void CheckData(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != Inputs)
            throw new ArgumentException($"{data.Name} has {data.Columns} features but the network takes {Inputs} inputs.", nameof(data));
        if (Loss == LossFunction.SoftmaxCrossEntropy)
        {
            if (!data.IsClassification)
                throw new ArgumentException($"{data.Name} has no class labels; softmax cross-entropy needs them (use MeanSquaredError for regression).", nameof(data));
            if (data.ClassCount > Outputs)
                throw new ArgumentException($"{data.Name} has {data.ClassCount} classes but the network has {Outputs} outputs.", nameof(data));
        }
        else if (data.Targets is not null ? data.TargetColumns != Outputs : data.ClassCount > Outputs)
        {
            throw new ArgumentException($"{data.Name}'s targets do not fit the network's {Outputs} outputs.", nameof(data));
        }
    }

    private void EnsureCapacity(int m)
    {
        if (m <= _capacity) return;
        int layers = _sizes.Length;
        _act = new float[layers][];
        _deriv = new float[layers][];
        _delta = new float[layers][];
        _mask = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            _act[l] = new float[m * _sizes[l]];
            _deriv[l] = new float[m * _sizes[l]];
            _delta[l] = new float[m * _sizes[l]];
            _mask[l] = new float[m * _sizes[l]];
        }
        _labels = new int[m];
        _targets = new float[m * Outputs];
        _capacity = m;
    }

    public override string ToString() =>
        $"MLP {string.Join("-", Sizes)} ({_layers[0].Activation}, {Loss}, {ParameterCount} parameters)";
}
